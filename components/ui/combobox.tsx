"use client";

import { useId, useMemo, useState, type ReactNode } from "react";

export type ComboboxOption = { value: string; label: string };

type Props = {
  label: string;
  options: ComboboxOption[];
  /** The chosen option's value, or a value no option has (shown as typed, for the caller to flag). */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  noMatches: string;
  name?: string;
};

/**
 * A searchable single-choice list (WAI-ARIA 1.2 combobox with a listbox popup): typing filters,
 * ↑/↓ move, Enter or a click chooses, Escape closes and restores. Only listed values are chosen;
 * clearing the text clears the value.
 */
export function Combobox({ label, options, value, onChange, error, hint, disabled, noMatches, name }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const selected = options.find((option) => option.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const text = query ?? selected?.label ?? value;
  const matches = useMemo(() => {
    const needle = (query ?? "").trim().toLocaleLowerCase();
    return needle ? options.filter((option) => option.label.toLocaleLowerCase().includes(needle)) : options;
  }, [options, query]);

  const choose = (option: ComboboxOption) => {
    onChange(option.value);
    setQuery(null);
    setOpen(false);
  };

  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `${id}-option-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        disabled={disabled}
        value={text}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
          if (!event.target.value.trim()) onChange("");
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, Math.max(matches.length - 1, 0)));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === "Enter" && open) {
            event.preventDefault();
            const option = matches[active];
            if (option) choose(option);
          } else if (event.key === "Escape" && open) {
            // Closes the list only, not the dialog around it.
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
            setQuery(null);
          }
        }}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 disabled:bg-slate-100 ${error ? "border-red-500" : "border-slate-300"}`}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute z-10 mt-1 max-h-56 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{noMatches}</li>
          ) : (
            matches.map((option, index) => (
              <li
                key={option.value}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={option.value === value}
                // mousedown, not click: it comes before the input's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
                onMouseEnter={() => setActive(index)}
                className={`cursor-pointer px-3 py-2 ${index === active ? "bg-indigo-50 text-indigo-900" : ""} ${option.value === value ? "font-medium" : ""}`}
              >
                {option.label}
              </li>
            ))
          )}
        </ul>
      )}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
