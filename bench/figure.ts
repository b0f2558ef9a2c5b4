/** One measured figure with its target; `isPass` is undefined for figures that only inform. */
export interface Figure {
  readonly section: string;
  readonly name: string;
  readonly value: number | string;
  /** The value as printed, with its unit. */
  readonly shown: string;
  readonly target?: string;
  readonly isPass?: boolean;
  /** Why the figure could not be measured, when it was skipped. */
  readonly skipped?: string;
}

/** A figure with a target it passes or fails. */
export function checked(section: string, name: string, value: number, shown: string, target: string, isPass: boolean): Figure {
  return { section, name, value, shown, target, isPass };
}

/** A figure that only informs. */
export function info(section: string, name: string, value: number | string, shown = String(value)): Figure {
  return { section, name, value, shown };
}

/** A figure that could not be measured on this machine. */
export function skipped(section: string, name: string, reason: string): Figure {
  return { section, name, value: 'skipped', shown: '-', skipped: reason };
}

/** Milliseconds as seconds with two decimals. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A ratio with two decimals and a times sign. */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}
