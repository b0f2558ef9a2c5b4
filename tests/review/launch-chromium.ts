import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by scripts/install-system-packages.sh. */
export const chromiumPath = '/usr/bin/chromium';

// Chromium reaches out on its own (updates, safe browsing, translation, metrics); none of that may leave
// the machine, so every host name but 127.0.0.1 resolves to nothing and no proxy is used.
const offlineArgs = [
  '--no-sandbox',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--no-proxy-server',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--disable-field-trial-config',
  '--metrics-recording-only',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater',
];

/** Launches headless Chromium that talks to 127.0.0.1 only; fails (never skips) when Chromium is not installed. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}, and the review page's browser tests need it: run \`bash scripts/install-system-packages.sh\` (it installs Debian's chromium), then run the tests again.`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: offlineArgs });
}
