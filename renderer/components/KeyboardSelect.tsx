import { Select, type SelectProps } from 'antd';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiError } from '../api';
import { focusNextField } from './focus-next';
import { enterChoice, labelHolds, type TypedOption } from './select-typing';
import './keyboard-select.css';

/** The value of the “新增…” option, which is never a real choice. */
const CREATE = '\u0000create';

type Value = string | number;

export interface KeyboardSelectProps<V extends Value> {
  /** given by Form.Item, which ties the label to the box */
  id?: string;
  value?: V | V[] | null;
  onChange?(value: V | V[] | undefined): void;
  /** extra fields ride along for `optionRender` */
  options: readonly TypedOption<V>[];
  mode?: 'multiple';
  allowClear?: boolean;
  placeholder?: string;
  notFoundContent?: ReactNode;
  optionRender?: SelectProps['optionRender'];
  popupMatchSelectWidth?: boolean;
  /** offers “新增<noun>…” for a typed name that is not among the options, and makes it */
  create?: { noun: string; run(name: string): Promise<V> };
}

/**
 * A select for forms kept at the keyboard: it filters as the clerk types, and Enter moves on to the next
 * box. Enter takes an option only when the clerk pointed at it (↑↓ or the mouse), or when the typed text
 * names exactly one; it never guesses, and says so when it took nothing. A multiple select stays put after
 * adding one, for the next; Enter with nothing typed moves on.
 */
export function KeyboardSelect<V extends Value>({
  options,
  mode,
  create,
  value,
  onChange,
  notFoundContent,
  ...rest
}: KeyboardSelectProps<V>) {
  const multiple = mode === 'multiple';
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  // a ref, not state: the select reports the pointed option from an effect, and an Enter pressed right after
  // ↓ must see it before React renders again
  const pointed = useRef<unknown>(null);
  const [hint, setHint] = useState<string | null>(null);
  /** the name a first Enter offered to add; a second Enter on the same text adds it */
  const [offered, setOffered] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const typed = search.trim();
  const current: V[] = multiple ? ((value as V[] | undefined) ?? []) : [];
  const withChoice = (choice: V) => (multiple ? (current.includes(choice) ? current : [...current, choice]) : choice);
  const canCreate = Boolean(create && typed && enterChoice(options, typed).kind === 'no match');
  const shown: TypedOption<V | typeof CREATE>[] = canCreate
    ? [...options, { value: CREATE, label: `新增${create!.noun}“${typed}”` }]
    : [...options];

  function close() {
    setOpen(false);
    pointed.current = null;
  }

  async function createTyped(name: string) {
    if (!create || creating) return;
    setCreating(true);
    try {
      const made = await create.run(name);
      onChange?.(withChoice(made));
      setHint(null);
      setSearch('');
      close();
    } catch (error) {
      setHint(error instanceof ApiError ? error.message : `未能新增${create.noun}：${(error as Error).message}`);
    } finally {
      setCreating(false);
      setOffered(null);
    }
  }

  function onPicked(next: V | V[] | undefined | typeof CREATE) {
    const wantsCreate = Array.isArray(next) ? (next as unknown[]).includes(CREATE) : next === CREATE;
    if (wantsCreate) {
      void createTyped(typed);
      return;
    }
    setHint(null);
    onChange?.(next as V | V[] | undefined);
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    const { nativeEvent, shiftKey, ctrlKey, altKey, metaKey } = event;
    // Enter also confirms a pinyin candidate; that keystroke belongs to the input method.
    if (event.key !== 'Enter' || nativeEvent.isComposing || shiftKey || ctrlKey || altKey || metaKey) return;
    const box = event.currentTarget;
    if (open && pointed.current !== null) {
      // the clerk pointed at an option: the select takes it (or makes the new one), then on to the next box
      if (!multiple && pointed.current !== CREATE) setTimeout(() => focusNextField(box), 0);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    const choice = enterChoice(options, typed);
    if (choice.kind === 'nothing typed' || choice.kind === 'take') {
      if (choice.kind === 'take') onPicked(withChoice(choice.option.value));
      setSearch('');
      close();
      if (!multiple || choice.kind === 'nothing typed') focusNextField(box);
    } else if (choice.kind === 'several') {
      setHint(`有${choice.count}项含“${typed}”，请用↑↓选定后回车`);
      setOpen(true);
    } else if (create) {
      if (offered === typed) {
        void createTyped(typed);
      } else {
        setOffered(typed);
        setHint(`没有“${typed}”，再按回车即新增此${create.noun}`);
        setOpen(true);
      }
    } else {
      setHint(`没有“${typed}”，未作选择`);
      setSearch('');
      close();
      focusNextField(box);
    }
  }

  return (
    <div style={{ width: '100%' }}>
      <Select<V | V[] | typeof CREATE>
        {...rest}
        mode={mode}
        value={value ?? undefined}
        onChange={(next) => onPicked(next)}
        options={shown}
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        onActive={(active) => (pointed.current = active ?? null)}
        defaultActiveFirstOption={false}
        showSearch={{
          searchValue: search,
          onSearch: (text) => {
            setSearch(text);
            setHint(null);
            setOffered(null);
          },
          filterOption: (text, option) => option?.value === CREATE || labelHolds(String(option?.label ?? ''), text),
        }}
        onInputKeyDown={onInputKeyDown}
        onFocus={() => setHint(null)}
        loading={creating}
        notFoundContent={notFoundContent ?? '没有相符的选项'}
        // while the list is open it covers the space under the box: the note goes at the list's foot instead
        popupRender={(list) => (
          <>
            {list}
            {open && hint && <Hint text={hint} className="ks-hint-in-list" />}
          </>
        )}
        style={{ width: '100%' }}
      />
      {hint && !open && <Hint text={hint} />}
    </div>
  );
}

function Hint({ text, className }: { text: string; className?: string }) {
  return (
    <div
      className={className ? `ks-hint zd-small zd-text-yellow ${className}` : 'ks-hint zd-small zd-text-yellow'}
      role="status"
    >
      {text}
    </div>
  );
}
