// Accessibility matchers (sa11y) for every LWC test: expect(element).toBeAccessible().
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
