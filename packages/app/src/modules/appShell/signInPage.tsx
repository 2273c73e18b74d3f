import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Guest sign-in that signs straight back in when a session exists (replaces
 * `sign-in-page:app`, which always waits for a click).
 */
export const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { SignInPage } = await import('@backstage/core-components');
      return props => <SignInPage {...props} auto providers={['guest']} />;
    },
  },
});
