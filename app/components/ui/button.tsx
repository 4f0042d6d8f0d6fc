import { Link, type LinkProps } from "@remix-run/react";
import { forwardRef, type ButtonHTMLAttributes } from "react";

/** "danger": the one button that confirms something that cannot be undone (cancel a place, delete data). */
type Variant = "primary" | "secondary" | "danger";
type Size = "md" | "sm";

const variants: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
};

/** Every button — and every link that looks like one — is at least 44 px tall: a thumb must hit it. */
function buttonClasses(variant: Variant, size: Size, className: string): string {
  const sizing = size === "sm" ? "min-h-11 px-3 text-sm" : "min-h-12 px-5 text-base";
  return `inline-flex items-center justify-center gap-2 rounded-lg font-semibold no-underline ${sizing} ${variants[variant]} ${className}`;
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size; pending?: boolean };

export const Button = forwardRef<HTMLButtonElement, Props>(function Button(
  { variant = "primary", size = "md", pending, className = "", children, ...rest },
  ref,
) {
  return (
    <button ref={ref} className={buttonClasses(variant, size, className)} aria-disabled={pending || undefined} {...rest}>
      {children}
    </button>
  );
});

/** A link to another page that looks like a button (e.g. "Sign in", "Add a child"). */
export function ButtonLink({ variant = "primary", size = "md", className = "", ...rest }: LinkProps & { variant?: Variant; size?: Size }) {
  return <Link className={buttonClasses(variant, size, className)} {...rest} />;
}
