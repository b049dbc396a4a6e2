/**
 * A first-come, first-served lock over one database connection: whoever holds
 * it (an open transaction, or one statement) is the only user of the
 * connection.
 */
export class ConnectionLock {
  #held = false;
  #queue: Array<() => void> = [];

  acquire(): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve) => this.#queue.push(() => resolve(this.#releaser())));
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#queue.shift();
      if (next)
        next(); // the lock passes straight to the next in line
      else this.#held = false;
    };
  }
}
