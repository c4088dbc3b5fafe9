// semver ships no types and @types/semver is not needed for the two calls the engines test makes.
declare module 'semver' {
  const semver: {
    subset(sub: string, dom: string): boolean;
    satisfies(version: string, range: string): boolean;
  };
  export default semver;
}
