import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The first render of a whole app (lazy extensions, MUI styles) can take
// longer than the default 1 s to appear on a busy 2-core machine; findBy*
// and waitFor give it up to 10 s. No test measures time with this.
configure({ asyncUtilTimeout: 10_000 });
