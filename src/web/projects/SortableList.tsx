import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** What each row is given to draw: its drag handle and its 上移/下移 buttons (the fallback for phones). */
export interface RowControls {
  handle: ReactNode;
  moveButtons: ReactNode;
}

interface Props {
  /** Stable ids of the rows, in their order. */
  ids: readonly string[];
  onMove: (from: number, to: number) => void;
  /** The drag handle's accessible name for row `index` ("拖动指标 3"). */
  handleLabel: (index: number) => string;
  renderRow: (id: string, index: number, controls: RowControls) => ReactNode;
  /** 'tr': each row is a table row (the editor's grid; renderRow returns its cells). Default: a div. */
  rowElement?: 'div' | 'tr';
}

/**
 * A vertical list reordered by drag (pointer or keyboard: focus the handle, Space, arrow keys, Space; dnd-kit's
 * KeyboardSensor) or by the 上移/下移 buttons beside each row, which work where dragging is awkward (phones).
 * Announcements to screen readers are in the user's language.
 */
export function SortableList({ ids, onMove, handleLabel, renderRow, rowElement = 'div' }: Props) {
  const { t } = useI18n();
  const sensors = useSensors(
    // A press that moves less than 5 px is a click (the handle is a button), not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const indexOf = (id: UniqueIdentifier) => ids.indexOf(String(id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over === null || active.id === over.id) return;
    const from = indexOf(active.id);
    const to = indexOf(over.id);
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  const position = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : indexOf(id) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('order.pickedUp', { n: position(active.id) }),
    onDragOver: ({ over }) => (over ? t('order.movedTo', { n: position(over.id) }) : undefined),
    onDragEnd: ({ over }) => (over ? t('order.dropped', { n: position(over.id) }) : t('order.cancelled')),
    onDragCancel: () => t('order.cancelled'),
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('order.drag') } }}
    >
      <SortableContext items={[...ids]} strategy={verticalListSortingStrategy}>
        {ids.map((id, index) => (
          <SortableRow key={id} id={id} label={handleLabel(index)} element={rowElement}>
            {(handle) =>
              renderRow(id, index, {
                handle,
                moveButtons: (
                  <MoveButtons
                    first={index === 0}
                    last={index === ids.length - 1}
                    onUp={() => onMove(index, index - 1)}
                    onDown={() => onMove(index, index + 1)}
                  />
                ),
              })
            }
          </SortableRow>
        ))}
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({
  id,
  label,
  element,
  children,
}: {
  id: string;
  label: string;
  element: 'div' | 'tr';
  children: (handle: ReactNode) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
  });
  const style = { transform: CSS.Translate.toString(transform), transition, zIndex: isDragging ? 2 : undefined };
  const handle = (
    <Button
      ref={setActivatorNodeRef}
      type="text"
      size="small"
      className="drag-handle"
      icon={<HolderOutlined />}
      {...attributes}
      {...listeners}
      aria-label={label}
      data-testid="drag-handle"
    />
  );
  const className = isDragging ? 'sortable-row dragging' : 'sortable-row';
  return element === 'tr' ? (
    <tr ref={setNodeRef} style={style} className={className} data-testid="indicator-row">
      {children(handle)}
    </tr>
  ) : (
    <div ref={setNodeRef} style={style} className={className}>
      {children(handle)}
    </div>
  );
}

function MoveButtons({
  first,
  last,
  onUp,
  onDown,
}: {
  first: boolean;
  last: boolean;
  onUp: () => void;
  onDown: () => void;
}) {
  const { t } = useI18n();
  return (
    <Space size={0}>
      <Button
        type="text"
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={first}
        onClick={onUp}
        aria-label={t('order.moveUp')}
        title={t('order.moveUp')}
      />
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={last}
        onClick={onDown}
        aria-label={t('order.moveDown')}
        title={t('order.moveDown')}
      />
    </Space>
  );
}
