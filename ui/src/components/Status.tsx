import type { Tone } from "../model/status";

const ICON: Record<Tone, string> = {
  ok: "M3.5 8.5l3 3 6-7", // check
  warn: "M8 4v5M8 11.5v.5", // exclamation
  bad: "M4.5 4.5l7 7M11.5 4.5l-7 7", // cross
  info: "M8 3a5 5 0 1 1-5 5", // arc (in progress)
  muted: "M5 8h6", // dash
};

export function StatusIcon({ tone }: { tone: Tone }) {
  return (
    <svg className={`icon tone-${tone}`} viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="7.2" className="icon-bg" />
      <path d={ICON[tone]} className="icon-fg" />
    </svg>
  );
}

/** A status word with its icon; the element with the test id holds exactly the word. */
export function Status({
  tone,
  text,
  testId,
  title,
}: {
  tone: Tone;
  text: string;
  testId?: string;
  title?: string;
}) {
  return (
    <span className={`status tone-${tone}`} title={title}>
      <StatusIcon tone={tone} />
      <span data-testid={testId}>{text}</span>
    </span>
  );
}
