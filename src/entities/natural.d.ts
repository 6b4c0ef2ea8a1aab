// natural is imported by deep path (its top-level import loads .env files and ESM-only modules); the part used here.
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
