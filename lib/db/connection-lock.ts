/**
 * A first-come, first-served lock over one database connection: whoever holds
 * it (an open transaction, or one statement) is the only user of the
 * connection. `acquire` can give up after `waitMs`, leaving the queue.
 */
export class ConnectionLock {
  #held = false;
  #queue: Array<() => void> = [];

  get waiting(): number {
    return this.#queue.length;
  }

  acquire(waitMs?: number, onTimeout?: () => Error): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(this.#releaser());
      };
      const timer =
        waitMs === undefined
          ? undefined
          : setTimeout(() => {
              this.#queue.splice(this.#queue.indexOf(grant), 1);
              reject(onTimeout?.() ?? new Error(`Waited ${waitMs} ms for the database connection.`));
            }, waitMs);
      this.#queue.push(grant);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#queue.shift();
      if (next) next(); // the lock passes straight to the next in line
      else this.#held = false;
    };
  }
}
