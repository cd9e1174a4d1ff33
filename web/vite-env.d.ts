// Vite's module types for the app: `?raw` text imports, `?url` asset URLs and `import.meta.env`.
/// <reference types="vite/client" />
