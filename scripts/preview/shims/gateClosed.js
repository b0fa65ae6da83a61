// Platform feature gates the preview keeps closed (see scripts/preview/build.ts).
export default { isOpen: () => false };
