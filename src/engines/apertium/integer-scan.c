// Preloaded into the stages of an Apertium pipeline (LD_PRELOAD), this library answers the one kind of call
// to ICU's u_sscanf that takes most of the postchunk stage's time, and hands every other call to ICU.
//
// Postchunk reads the number of each tag that refers to a chunk's tags (`<3>` in `^el<det><def><3><4>$`) with
// lttoolbox's StringUtils::stoi, which is u_sscanf(text, "%d", &number), where text is whatever follows the
// tag's `<` ("3><4>$}"). ICU builds and throws away a number formatter for every such call: in eng-spa that is
// about 70% of the stage's instructions, and postchunk one of the pipeline's two costliest stages.
//
// A run of 1 to 9 ASCII digits that ends the text or is followed by `>` reads as the same number whichever way
// it is read, so this library reads that itself; every other text and format goes to ICU's own u_vsscanf.
//
// ICU's functions carry its major version in their names (u_sscanf_72), so the entry point is defined for
// every version a system may have; a process only ever calls the one of the ICU it loaded.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stdint.h>

typedef uint16_t UChar;
typedef int32_t (*ScanFunction)(const UChar *, const char *, va_list);

static int readTagNumber(const UChar *text, int32_t *number) {
  int32_t value = 0;
  int digits = 0;
  for (; *text >= '0' && *text <= '9'; text++) {
    // Ten digits may not fit: ICU decides.
    if (++digits > 9) return 0;
    value = value * 10 + (*text - '0');
  }
  if (digits == 0 || (*text != 0 && *text != '>')) return 0;
  *number = value;
  return 1;
}

static int32_t scan(const UChar *text, const char *format, va_list arguments, ScanFunction *icuScan, const char *icuName) {
  int32_t number;
  if (format[0] == '%' && format[1] == 'd' && format[2] == 0 && readTagNumber(text, &number)) {
    *va_arg(arguments, int32_t *) = number;
    return 1;
  }
  // The ICU that defines the entry point called also defines this one.
  if (!*icuScan) *icuScan = (ScanFunction)dlsym(RTLD_NEXT, icuName);
  return (*icuScan)(text, format, arguments);
}

#define SCAN_FOR_ICU(version)                                                        \
  int32_t u_sscanf_##version(const UChar *text, const char *format, ...) {           \
    static ScanFunction icuScan;                                                     \
    va_list arguments;                                                               \
    va_start(arguments, format);                                                     \
    int32_t result = scan(text, format, arguments, &icuScan, "u_vsscanf_" #version); \
    va_end(arguments);                                                               \
    return result;                                                                   \
  }

SCAN_FOR_ICU(60) SCAN_FOR_ICU(61) SCAN_FOR_ICU(62) SCAN_FOR_ICU(63) SCAN_FOR_ICU(64)
SCAN_FOR_ICU(65) SCAN_FOR_ICU(66) SCAN_FOR_ICU(67) SCAN_FOR_ICU(68) SCAN_FOR_ICU(69)
SCAN_FOR_ICU(70) SCAN_FOR_ICU(71) SCAN_FOR_ICU(72) SCAN_FOR_ICU(73) SCAN_FOR_ICU(74)
SCAN_FOR_ICU(75) SCAN_FOR_ICU(76) SCAN_FOR_ICU(77) SCAN_FOR_ICU(78) SCAN_FOR_ICU(79)
SCAN_FOR_ICU(80) SCAN_FOR_ICU(81) SCAN_FOR_ICU(82) SCAN_FOR_ICU(83) SCAN_FOR_ICU(84)
SCAN_FOR_ICU(85) SCAN_FOR_ICU(86) SCAN_FOR_ICU(87) SCAN_FOR_ICU(88) SCAN_FOR_ICU(89)
