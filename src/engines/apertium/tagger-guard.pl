# Runs Apertium's HMM tagger as one stage of a null-flush pipeline so that each segment is tagged as a freshly
# started tagger would tag it, whatever came before it.
#
# Usage: perl tagger-guard.pl SEPARATOR TAGGER [ARGUMENT]...    (TAGGER in null-flush mode, with `-d`)
#
# The tagger changes its own model while it runs. A word whose set of tags it was not trained on ("I",
# "included", "Windows"…) makes it replace its class of tags for unknown words by the smallest trained class
# holding the word's tags, for the rest of its life: every later unknown word, in any later segment, is tagged
# from that narrower class. With `-d` it reports such a word, and the class, on stderr as it reads it.
#
# The guard learns these changing words from the reports and gives each segment a tagger in the state a fresh
# one would be in where it matters:
# - a segment without a changing word goes to the main tagger, which has never met one;
# - a segment whose first changing word leads to class C goes to a tagger that met C and nothing else: from the
#   state C led to, C leads there again, so from that word on it agrees with a fresh tagger, and before the word
#   nothing depends on the class unless an unknown word comes first;
# - if unknown words come first, the segment is cut at a word with a single reading after them: the tagger
#   settles everything before such a word as it reads it, and what follows does not depend on what came
#   before. The head, up to that word, goes to the main tagger; the tail, from that word, to C's tagger (the
#   tagger's report that a reading has no class, which makes it read the word as an unknown one, undoes this);
# - any other segment gets a tagger started for it.
# A tagger that reports a changing word not learned yet has its replies from that word's segment on set aside,
# and those segments are routed again.
#
# Frames on stdin end with a NUL and may hold several segments apart by SEPARATOR (a superblank); every segment
# ends a sentence, so segments can be regrouped into frames. Each frame is answered with its segments' replies
# joined by SEPARATOR, in order. A tagger's stderr shares the pipe of its stdout, so that a report lands in the
# reply it concerns; reports are taken out of the replies.
use strict;
use warnings;

my ($separator, @command) = @ARGV;
die "usage: perl tagger-guard.pl SEPARATOR TAGGER [ARGUMENT]...\n" unless defined $separator && @command;

my $frameBytes = 1 << 13;    # the main tagger gets segments in frames of about this size,
my $mainInFlight = 1 << 14;  # and this many bytes unanswered at most: they are tagged again when it changes
my $readAhead = 1 << 16;     # stdin is read while fewer bytes than this wait to be routed
my $maxClassTaggers = 16;

# What `-d` makes the tagger write to stderr: a changing word, a word it could not weigh, and a reading whose
# tags have no class in its tag set (which it then reads as an unknown word's). Without `-d` it would write none
# of them, so none is passed on.
my $changeReport = qr/Error: A new ambiguity class was found\. \nRetraining the tagger is necessary so as to take it into account\.\nWord '([^\n]*)'\.\nNew ambiguity class: ([^\n]*)\n/;
my $otherReport = qr/Problem with word [^\n]*\n|Warning: There is not coarse tag for the fine tag '([^\n]*?)' of '[^\n]*\n {9}This is because of an incomplete tagset definition or a dictionary error\n/;
my $lexicalUnit = qr/\^((?:\\.|[^\\\$])*)\$/;
my $singleReading = qr{^(?:\\.|[^\\/])*/((?:\\.|[^\\/*])(?:\\.|[^\\/])*)$};

binmode STDIN;
binmode STDOUT;
$| = 1;
# A tagger that dies while it is being written to is reported when its output ends (see the main loop), rather
# than ending the guard silently with SIGPIPE.
$SIG{PIPE} = 'IGNORE';

my %classOf;          # changing word (surface form) → the class it leads to
my $changingWord;     # finds a segment's first changing word
my %isUnclassed;      # readings the tagger found no class for
my @frames;           # frames not answered yet, oldest first: { replies => [...], left => count }
my @pending;          # segments to route, in order: { frame, index, text, generation, head, tail }
my $pendingBytes = 0;
my @taggers;
my %classTagger;      # class → the tagger that met that class and no other
my $spare;            # a tagger started ahead, once one has been replaced
my $main = start('main');
my ($fromStdin, $isInputDone) = ('', 0);

while (!$isInputDone || @frames) {
  my ($readers, $writers) = ('', '');
  my @selected = @taggers;
  for my $tagger (@selected) {
    vec($readers, fileno $tagger->{out}, 1) = 1 if @{ $tagger->{jobs} };
    vec($writers, fileno $tagger->{in}, 1) = 1 if length $tagger->{toTagger};
  }
  vec($readers, fileno STDIN, 1) = 1 if !$isInputDone && $pendingBytes < $readAhead;
  next if select($readers, $writers, undef, undef) < 0;
  # Only the taggers selected on: one started in this loop may have the number of a handle closed in it.
  for my $tagger (@selected) {
    next if $tagger->{isStopped};
    if (vec($writers, fileno $tagger->{in}, 1)) {
      # A pipe said to be writable takes a page without blocking.
      my $count = syswrite $tagger->{in}, $tagger->{toTagger}, 4096;
      substr($tagger->{toTagger}, 0, $count, '') if defined $count;
    }
    if (vec($readers, fileno $tagger->{out}, 1)) {
      my $count = sysread $tagger->{out}, $tagger->{fromTagger}, 1 << 16, length $tagger->{fromTagger};
      # What it wrote last, in the pipe its stderr shares, may say why.
      die "apertium-tagger stopped before answering every segment: ", substr($tagger->{fromTagger}, -300), "\n" if defined $count && $count == 0;
      readReplies($tagger);
    }
  }
  @taggers = grep { !$_->{isStopped} } @taggers;
  if (!$isInputDone && vec($readers, fileno STDIN, 1)) {
    my $count = sysread STDIN, $fromStdin, 1 << 16, length $fromStdin;
    $isInputDone = 1 if defined $count && $count == 0;
    readFrames();
  }
  route();
}
stop($_) for @taggers;

sub readFrames {
  while ((my $end = index $fromStdin, "\0") >= 0) {
    my @texts = split /\Q$separator\E/, substr($fromStdin, 0, $end), -1;
    substr($fromStdin, 0, $end + 1, '');
    my $frame = { replies => [], left => scalar @texts };
    push @frames, $frame;
    for my $index (0 .. $#texts) {
      push @pending, { frame => $frame, index => $index, text => $texts[$index], generation => 0 };
      $pendingBytes += length $texts[$index];
    }
  }
  answerFrames();
}

# Sends the pending segments, in order, while the main tagger has room.
sub route {
  my @batch;
  my $batchBytes = 0;
  while (@pending && $main->{inFlight} + $batchBytes < $mainInFlight) {
    my $segment = shift @pending;
    $pendingBytes -= length $segment->{text};
    if ($changingWord && $segment->{text} =~ $changingWord) {
      routeChanging($segment, $1, $-[0]);
      next;
    }
    push @batch, whole($segment);
    $batchBytes += length $segment->{text};
    next if $batchBytes < $frameBytes;
    dispatch($main, [splice @batch]);
    $batchBytes = 0;
  }
  dispatch($main, \@batch) if @batch;
}

sub routeChanging {
  my ($segment, $word, $at) = @_;
  my $tagger = $classTagger{ $classOf{$word} };
  return dispatchFresh($segment) if !$tagger;
  my $text = $segment->{text};
  my $unknown = rindex substr($text, 0, $at), '/*';
  return dispatch($tagger, [whole($segment)]) if $unknown < 0;
  # The last word with a single reading between the last unknown word and the changing word.
  my ($start, $end, $reading);
  my $between = substr $text, $unknown, $at - $unknown;
  while ($between =~ /$lexicalUnit/g) {
    my ($unit, $from, $to) = ($1, $-[0], $+[0]);
    next if $unit !~ $singleReading || $isUnclassed{$1};
    ($start, $end, $reading) = ($unknown + $from, $unknown + $to, $1);
  }
  return dispatchFresh($segment) if !defined $start;
  dispatch($main, [{ segment => $segment, part => 'head', text => substr($text, 0, $end) }]);
  dispatch($tagger, [{ segment => $segment, part => 'tail', text => substr($text, $start), reading => $reading }]);
}

sub whole {
  my ($segment) = @_;
  return { segment => $segment, part => 'whole', text => $segment->{text} };
}

sub dispatchFresh {
  my ($segment) = @_;
  dispatch(takeSpare('fresh'), [whole($segment)]);
}

# Sends pieces of segments to a tagger as one frame, apart by the separator.
sub dispatch {
  my ($tagger, $pieces) = @_;
  my $job = { pieces => $pieces, bytes => 0 };
  for my $piece (@$pieces) {
    $piece->{generation} = $piece->{segment}{generation};
    $job->{bytes} += length $piece->{text};
  }
  push @{ $tagger->{jobs} }, $job;
  $tagger->{inFlight} += $job->{bytes};
  $tagger->{toTagger} .= join($separator, map { $_->{text} } @$pieces) . "\0";
}

sub readReplies {
  my ($tagger) = @_;
  while (!$tagger->{isStopped} && (my $end = index $tagger->{fromTagger}, "\0") >= 0) {
    my $reply = substr $tagger->{fromTagger}, 0, $end;
    substr($tagger->{fromTagger}, 0, $end + 1, '');
    my (@changes, %unclassed);
    # Reports are rare: most replies are taken as they are.
    if (index($reply, 'Error: ') >= 0) {
      while ($reply =~ s/$changeReport//) {
        push @changes, [$1, $2];
        learnChange($1, $2);
      }
    }
    if (index($reply, 'Problem with word ') >= 0 || index($reply, 'Warning: ') >= 0) {
      while ($reply =~ s/$otherReport//) {
        $unclassed{$1} = $isUnclassed{$1} = 1 if defined $1;
      }
    }
    # The tagger's own output holds such words only inside lexical units: a report left over was not understood,
    # and would otherwise travel on into a translation.
    die "apertium-tagger wrote a message the guard does not know: $1\n" if $reply =~ /((?:Error: |Warning: |Problem with word )[^\n]*)/;
    my $job = shift @{ $tagger->{jobs} };
    $tagger->{inFlight} -= $job->{bytes};
    my @replies = split /\Q$separator\E/, $reply, -1;
    die "apertium-tagger did not keep the segments of a frame apart\n" if @replies != @{ $job->{pieces} };
    my $handle = { main => \&mainReplied, class => \&classReplied, fresh => \&freshReplied }->{ $tagger->{role} };
    $handle->($tagger, $job, \@replies, \@changes, \%unclassed);
  }
}

sub mainReplied {
  my ($tagger, $job, $replies, $changes) = @_;
  my @pieces = @{ $job->{pieces} };
  if (!@$changes) {
    answer($pieces[$_], $replies->[$_]) for 0 .. $#pieces;
    return;
  }
  # A changing word not learned yet: the replies are right up to the piece that has it, that one included unless
  # it is a head, whose tail went to a tagger chosen without knowing of the word. Should the word not be found,
  # each piece is tagged again by a tagger of its own.
  my $word = quotemeta $changes->[0][0];
  my ($at) = grep { $pieces[$_]{text} =~ /\^$word\// } 0 .. $#pieces;
  my @again = map { @{ $_->{pieces} } } @{ $tagger->{jobs} };
  if (!defined $at) {
    retag($_) for @pieces;
  } else {
    answer($pieces[$_], $replies->[$_]) for 0 .. $at - 1;
    if ($pieces[$at]{part} eq 'whole') { answer($pieces[$at], $replies->[$at]) } else { retag($pieces[$at]) }
    unshift @again, @pieces[$at + 1 .. $#pieces];
  }
  # Changed to one class only, the tagger serves that class once it has answered, to no one, what it still owes.
  if (!becomeClassTagger($tagger, $changes)) {
    retire($tagger);
  } else {
    $_->{isSetAside} = 1 for @{ $tagger->{jobs} };
  }
  $main = takeSpare('main');
  routeAgain(@again);
}

sub classReplied {
  my ($tagger, $job, $replies, $changes, $unclassed) = @_;
  my ($piece) = @{ $job->{pieces} };
  # Right when the first changing word led to the tagger's class, and a tail's first word had a single class.
  if ($job->{isSetAside}) {
  } elsif (@$changes && $changes->[0][1] eq $tagger->{class} && !($piece->{reading} && $unclassed->{ $piece->{reading} })) {
    answer($piece, $replies->[0]);
  } else {
    retag($piece);
  }
  return if !grep { $_->[1] ne $tagger->{class} } @$changes;
  my @again = map { @{ $_->{pieces} } } @{ $tagger->{jobs} };
  retire($tagger);
  routeAgain(@again);
}

sub freshReplied {
  my ($tagger, $job, $replies, $changes) = @_;
  answer($job->{pieces}[0], $replies->[0]);
  retire($tagger) if !becomeClassTagger($tagger, $changes);
}

sub becomeClassTagger {
  my ($tagger, $changes) = @_;
  my %classes = map { $_->[1] => 1 } @$changes;
  my ($class) = keys %classes;
  return 0 if keys %classes != 1 || $classTagger{$class} || keys %classTagger >= $maxClassTaggers;
  @$tagger{qw(role class)} = ('class', $class);
  $classTagger{$class} = $tagger;
  return 1;
}

# Routes again the pieces a tagger will not answer: whole segments in their order, cut ones whole and fresh.
sub routeAgain {
  my @segments;
  for my $piece (@_) {
    next if $piece->{generation} != $piece->{segment}{generation};
    if ($piece->{part} ne 'whole') {
      retag($piece);
      next;
    }
    $piece->{segment}{generation}++;
    push @segments, $piece->{segment};
  }
  unshift @pending, @segments;
  $pendingBytes += length $_->{text} for @segments;
}

# Tags a segment again, whole, with a tagger started for it; replies to its earlier pieces are then ignored.
sub retag {
  my ($piece) = @_;
  my $segment = $piece->{segment};
  return if $piece->{generation} != $segment->{generation};
  $segment->{generation}++;
  delete @$segment{qw(head tail)};
  dispatchFresh($segment);
}

sub answer {
  my ($piece, $reply) = @_;
  my $segment = $piece->{segment};
  return if $piece->{generation} != $segment->{generation};
  if ($piece->{part} ne 'whole') {
    $segment->{ $piece->{part} } = $reply;
    return if !defined $segment->{head} || !defined $segment->{tail};
    # The tail starts with the head's last word, tagged by the head already.
    $reply = $segment->{head} . ($segment->{tail} =~ s/^$lexicalUnit//r);
  }
  $segment->{generation}++;
  my $frame = $segment->{frame};
  $frame->{replies}[ $segment->{index} ] = $reply;
  $frame->{left}--;
  answerFrames();
}

# Answers, in order, the frames whose segments are all answered.
sub answerFrames {
  while (@frames && $frames[0]{left} == 0) {
    print STDOUT join($separator, @{ (shift @frames)->{replies} }), "\0";
  }
}

sub learnChange {
  my ($word, $class) = @_;
  return if exists $classOf{$word};
  $classOf{$word} = $class;
  my $words = join '|', map { quotemeta } sort { length $b <=> length $a } keys %classOf;
  $changingWord = qr/\^($words)\//;
}

# Hands the spare tagger, as fresh as started, over to a role, and starts the next spare: a pipeline that needed
# one tagger more is likely to need others.
sub takeSpare {
  my ($role) = @_;
  my $tagger = $spare // start();
  $tagger->{role} = $role;
  $spare = start();
  return $tagger;
}

sub retire {
  my ($tagger) = @_;
  delete $classTagger{ $tagger->{class} } if $tagger->{role} eq 'class';
  $tagger->{jobs} = [];
  stop($tagger);
}

# Starts a tagger, its stderr on the pipe of its stdout. By hand rather than with IPC::Open3, whose modules take
# longer to load than the rest of the guard to run on a small article.
sub start {
  my ($role) = @_;
  pipe(my $childIn, my $in) or die "cannot make a pipe: $!\n";
  pipe(my $out, my $childOut) or die "cannot make a pipe: $!\n";
  my $pid = fork // die "cannot start apertium-tagger: $!\n";
  if ($pid == 0) {
    # The guard's other handles are closed on exec.
    open STDIN, '<&', $childIn or die "cannot redirect stdin: $!\n";
    open STDOUT, '>&', $childOut or die "cannot redirect stdout: $!\n";
    open STDERR, '>&', $childOut or die "cannot redirect stderr: $!\n";
    exec { $command[0] } @command or print STDERR "cannot run $command[0]: $!\n";
    exit 127;
  }
  close $childIn;
  close $childOut;
  binmode $_ for $in, $out;
  my $tagger = { pid => $pid, in => $in, out => $out, role => $role // 'spare', jobs => [], inFlight => 0, toTagger => '', fromTagger => '' };
  push @taggers, $tagger;
  return $tagger;
}

sub stop {
  my ($tagger) = @_;
  return if $tagger->{isStopped};
  $tagger->{isStopped} = 1;
  close $tagger->{in};
  kill 'TERM', $tagger->{pid};
  waitpid $tagger->{pid}, 0;
}
