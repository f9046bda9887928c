import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { TRPCReactProvider } from "./_trpc/client";
import "./globals.css";

// Every page is rendered per request: the proxy's per-request CSP nonce (proxy.ts) must reach Next's
// own scripts, which a page prerendered at build time could not carry.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Transfer Registry", template: "%s · Transfer Registry" },
  description: "The register of vendors that receive personal data and of cross-border transfers.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
