// The per-request CSP nonce (made in server/app.ts), for the few inline
// scripts Remix writes. On the client it is empty: browsers hide it.
import { createContext, useContext } from "react";

const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
