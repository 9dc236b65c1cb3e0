// Public surface of @mediabay/server-kit.
export {};
