/** Vite answers `?url` imports with the emitted file's URL. */
declare module '*?url' {
  const url: string;
  export default url;
}
