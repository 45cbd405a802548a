// The unit tree (ARIA tree pattern with a roving tabindex). Only expanded branches render.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { Unit } from '../api/unit.types.ts';
import { useTreeKeyboard } from '../hooks/use-tree-keyboard.ts';
import { buildTree, type UnitNode, visibleNodes } from './unit-tree.ts';

interface UnitTreeProps {
  units: Unit[];
  selectedCode: string | null;
  onSelect: (code: string) => void;
}

/** Shows `units` as a tree; roots start expanded. */
export function UnitTree({ units, selectedCode, onSelect }: UnitTreeProps) {
  const t = useT();
  const roots = useMemo(() => buildTree(units), [units]);
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(roots.map((n) => n.unit.code)),
  );
  const [focused, setFocused] = useState<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const visible = useMemo(() => visibleNodes(roots, expanded), [roots, expanded]);
  const current = visible.some((n) => n.code === focused)
    ? focused
    : (selectedCode ?? visible[0]?.code ?? null);

  useEffect(() => {
    if (current && treeRef.current?.contains(document.activeElement))
      itemRefs.current.get(current)?.focus();
  }, [current]);

  const toggle = (code: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(code);
      else next.delete(code);
      return next;
    });
  const select = (code: string) => {
    setFocused(code);
    onSelect(code);
  };
  const onKeyDown = useTreeKeyboard({
    visible,
    expanded,
    focused: current,
    setFocused,
    toggle,
    select,
  });

  const renderNodes = (nodes: UnitNode[], level: number) =>
    nodes.map((node, index) => {
      const { unit } = node;
      const open = expanded.has(unit.code);
      const hasChildren = node.children.length > 0;
      return (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the tree handles the keyboard (arrows, Enter, Space) on its root.
        <li
          key={unit.code}
          ref={(el) => {
            if (el) itemRefs.current.set(unit.code, el);
            else itemRefs.current.delete(unit.code);
          }}
          role="treeitem"
          aria-level={level}
          aria-setsize={nodes.length}
          aria-posinset={index + 1}
          aria-expanded={hasChildren ? open : undefined}
          aria-selected={unit.code === selectedCode}
          tabIndex={unit.code === current ? 0 : -1}
          className="tree__item"
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocused(unit.code);
          }}
          onClick={(event) => {
            event.stopPropagation();
            select(unit.code);
          }}
        >
          <span className={`tree__row${unit.code === selectedCode ? ' tree__row--selected' : ''}`}>
            <span
              className="tree__toggle"
              aria-hidden="true"
              onClick={(event) => {
                if (!hasChildren) return;
                event.stopPropagation();
                toggle(unit.code, !open);
              }}
            >
              {hasChildren ? (open ? '▾' : '▸') : ''}
            </span>
            <span className="tree__name">{unit.name}</span>
            <span className="tree__meta">
              {t(`unitKind.${unit.kind}`)} · {unit.code}
            </span>
            {unit.validTo ? (
              <span className="tag tag--grey">
                {t('units.closedOn', { date: formatDate(unit.validTo) })}
              </span>
            ) : null}
          </span>
          {hasChildren && open ? (
            // biome-ignore lint/a11y/useSemanticElements: the ARIA tree pattern nests role="group" lists.
            <ul role="group" className="tree__group">
              {renderNodes(node.children, level + 1)}
            </ul>
          ) : null}
        </li>
      );
    });

  if (!roots.length) return <p className="muted">{t('units.empty')}</p>;
  return (
    <>
      <p className="field__hint" id="unit-tree-help">
        {t('units.treeHelp')}
      </p>
      <ul
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: WAI-ARIA APG tree view uses ul/li with tree roles.
        role="tree"
        ref={treeRef}
        className="tree"
        aria-label={t('units.treeLabel')}
        aria-describedby="unit-tree-help"
        onKeyDown={onKeyDown}
      >
        {renderNodes(roots, 1)}
      </ul>
      <p className="tree__actions">
        <button
          type="button"
          className="button button--link"
          onClick={() => setExpanded(new Set(units.map((u) => u.code)))}
        >
          {t('units.expandAll')}
        </button>{' '}
        <button
          type="button"
          className="button button--link"
          onClick={() => setExpanded(new Set())}
        >
          {t('units.collapseAll')}
        </button>
      </p>
    </>
  );
}
