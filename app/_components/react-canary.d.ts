// Next's App Router runs React 19 APIs (function form `action`, useFormStatus) while this
// project pins @types/react 18; the canary typings describe exactly those APIs.
/// <reference types="react/canary" />
/// <reference types="react-dom/canary" />
