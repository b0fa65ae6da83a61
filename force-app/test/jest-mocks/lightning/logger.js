// Jest stand-in for lightning/logger (no stub ships with sfdx-lwc-jest): assert on log.mock.calls.
export const log = jest.fn();
