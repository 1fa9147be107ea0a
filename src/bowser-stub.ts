/**
 * What the bundle gives @aws-sdk/core for `bowser` (tsconfig.json's `paths` maps the name
 * here; ncc follows it): a browser user-agent parser the SDK requires only in the user agent
 * it builds inside a browser (`window.navigator`), never on a runner. 33 KB less to compile
 * before the sign-in.
 */
export const parse = (): Record<string, never> => ({})
