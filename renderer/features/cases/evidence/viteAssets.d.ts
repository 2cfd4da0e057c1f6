/// <reference types="vite/client" />
// `?url` imports and `import.meta.glob`, as Vite builds the renderer.
