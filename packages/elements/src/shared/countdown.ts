// A directive for "retrying in N s": renders `format(seconds left until `at`)` and counts down by
// itself once a second while connected, so the row that shows it needs no re-render per tick.

import { AsyncDirective, directive } from 'lit/async-directive.js';

type Format = (seconds: number | null) => string;

class CountdownDirective extends AsyncDirective {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #at: number | null = null;
  #format: Format = String;

  render(at: number | null, format: Format): string {
    this.#at = at;
    this.#format = format;
    this.#schedule();
    return this.#text();
  }

  #text(): string {
    if (this.#at === null) return this.#format(null);
    return this.#format(Math.max(0, Math.ceil((this.#at - Date.now()) / 1000)));
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#at === null || !this.isConnected) return;
    const left = this.#at - Date.now();
    if (left <= 0) return;
    // wake at the next whole second of what is left, so the number changes on time
    this.#timer = setTimeout(
      () => {
        this.setValue(this.#text());
        this.#schedule();
      },
      left % 1000 || 1000,
    );
  }

  protected override disconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  protected override reconnected(): void {
    this.setValue(this.#text());
    this.#schedule();
  }
}

/** `countdown(retryAt, (s) => \`retrying in ${s} s\`)`; `at` is ms since the epoch, null while unknown. */
export const countdown = directive(CountdownDirective);
