// jsdom has no ResizeObserver; Fluent and the mock library expect one.
class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// The mock library greets every test with an advert on console.info; keep the test log readable.
const info = console.info.bind(console);
console.info = (...args: unknown[]) => {
    if (args.some((a) => typeof a === 'string' && a.includes('shko.online'))) return;
    info(...args);
};
