/// <reference types="vite/client" />

// Lets plain `tsc` accept .vue imports; vue-tsc reads the real components instead.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
