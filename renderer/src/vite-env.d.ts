// Lets TypeScript accept vite's asset imports (the side-effect `import './base.css'`).
/// <reference types="vite/client" />
