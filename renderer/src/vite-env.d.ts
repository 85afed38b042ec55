// Lets TypeScript accept vite's asset imports (the side-effect `import './styles.css'`).
/// <reference types="vite/client" />
