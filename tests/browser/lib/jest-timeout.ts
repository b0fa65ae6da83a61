// Browser tests start servers and Chromium: give each test two minutes (a project-level
// testTimeout is not a valid jest project option).
jest.setTimeout(120000);
