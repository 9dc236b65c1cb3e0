// Public surface of @mediabay/elements.
export {};
