// Text files bundled as strings (webpack `asset/source`).
declare module '*.txt' {
  const text: string;
  export default text;
}
