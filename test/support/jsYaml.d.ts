// js-yaml (a dev dependency, for the regeneration scripts and their tests) ships no types; the tests use load only.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
