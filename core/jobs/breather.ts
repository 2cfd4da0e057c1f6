/** Lets the desk's event loop answer other calls before long work goes on. */
export const breather = () => new Promise<void>((resolve) => setImmediate(resolve));
