import { forwardRef, type ButtonHTMLAttributes } from "react";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary";
  size?: "md" | "sm";
  pending?: boolean;
};

const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50",
};

/** Every button is at least 44 px tall: a thumb must hit it. */
export const Button = forwardRef<HTMLButtonElement, Props>(function Button(
  { variant = "primary", size = "md", pending, className = "", children, ...rest },
  ref,
) {
  const sizing = size === "sm" ? "min-h-11 px-3 text-sm" : "min-h-12 px-5 text-base";
  return (
    <button
      ref={ref}
      className={`inline-flex items-center justify-center gap-2 rounded-lg font-semibold ${sizing} ${variants[variant]} ${className}`}
      aria-disabled={pending || undefined}
      {...rest}
    >
      {children}
    </button>
  );
});
