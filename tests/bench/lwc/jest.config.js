// npm run bench (scripts/bench.mjs): LWC figures measured in jsdom with the sfdx-lwc-jest preset.
// Benchmarks print tables; they never assert timings.
const path = require('node:path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const root = path.resolve(__dirname, '../../..');

module.exports = {
    ...jestConfig,
    rootDir: root,
    roots: ['<rootDir>/tests/bench/lwc', '<rootDir>/force-app'],
    testMatch: ['<rootDir>/tests/bench/lwc/*.bench.js'],
    moduleNameMapper: {
        '^c/(\\w+)$': '<rootDir>/force-app/main/default/lwc/$1/$1',
        '^lightning/actions$': '<rootDir>/force-app/test/jest-mocks/lightning/actions',
        '^lightning/(input|textarea|combobox|recordPicker)$': '<rootDir>/force-app/test/jest-mocks/lightning/$1/$1'
    },
    testTimeout: 300000
};
