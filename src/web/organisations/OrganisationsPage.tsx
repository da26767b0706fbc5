import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { ORG_TYPES, type OrgType } from '../../domain/workflow/chain.ts';
import type { OrgNode, OrgPatchBody } from '../../contract/organisations.ts';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useUnsavedChanges } from '../shared/useUnsavedChanges.ts';
import { useAsync } from '../shared/use-async.ts';
import { AddDialog } from './AddOrgDialog.tsx';
import { fetchOrganisations, patchOrganisation } from './api.ts';
import { type TreeItem, buildTree, parentChoices } from './org-tree.ts';

const UNPLACED = '__unplaced';

/** 组织机构 (/organisations): the tree 财政局 → 主管部门 → 预算单位 for administrators and bureau users (decision 020). */
export default function OrganisationsPage() {
  return (
    <App>
      <Organisations />
    </App>
  );
}

function Organisations() {
  const { t } = useI18n();
  const { data, error, reload } = useAsync(fetchOrganisations, 'organisations');
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // What the user folded; everything else stays open, new organisations and moved units included.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  const items = data?.items ?? [];
  const expandable = [...items.filter((item) => item.kind !== 'unit').map((item) => item.code), UNPLACED];
  const expandedKeys = expandable.filter((key) => !collapsed.has(key));
  const { roots, unplaced } = buildTree(items);
  const node = items.find((item) => item.code === selected) ?? null;
  const label = (item: OrgNode) => (
    <span data-testid={`org-node-${item.code}`}>
      {item.code} {item.name} {item.orgType === 'union' && <Tag color="blue">{t('orgs.type.union')}</Tag>}
      {item.departmentOwn === true && <Tag>{t('orgs.own')}</Tag>}
      {!item.active && <Tag>{t('orgs.inactive')}</Tag>}
    </span>
  );
  const toData = (item: TreeItem): DataNode => ({
    key: item.key,
    title: label(item.node),
    children: item.children.map(toData),
  });
  const treeData = [
    ...roots.map(toData),
    ...(unplaced.length > 0
      ? [
          {
            key: UNPLACED,
            title: t('orgs.unplaced'),
            selectable: false,
            children: unplaced.map((u) => ({ key: u.code, title: label(u) })),
          },
        ]
      : []),
  ];
  return (
    <Card
      className="page-card"
      title={t('orgs.title')}
      data-testid="organisations-page"
      extra={
        <Button type="primary" onClick={() => setAdding(true)} data-testid="org-add">
          {t('orgs.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('orgs.subtitle')}</Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          {treeData.length === 0 ? (
            <Empty description={t('orgs.empty')} />
          ) : (
            // height: antd renders only the visible rows, so a city's thousands of units stay fast.
            <Tree
              showLine
              height={560}
              treeData={treeData}
              selectedKeys={selected ? [selected] : []}
              expandedKeys={expandedKeys}
              onExpand={(keys) => setCollapsed(new Set(expandable.filter((key) => !keys.includes(key))))}
              onSelect={(keys) => setSelected(keys.length > 0 ? String(keys[0]) : null)}
            />
          )}
        </Col>
        <Col xs={24} md={12}>
          {node ? (
            <NodeEditor key={`${node.code}@${node.version}`} node={node} items={items} onChanged={reload} />
          ) : (
            <Empty description={t('orgs.selectHint')} />
          )}
        </Col>
      </Row>
      {adding && (
        <AddDialog
          items={items}
          onClose={(created) => {
            setAdding(false);
            if (created) {
              setSelected(created);
              reload();
            }
          }}
        />
      )}
    </Card>
  );
}

/** Rename, move and (de)activate one node; each change sends the version it was read at (If-Match). */
function NodeEditor({ node, items, onChanged }: { node: OrgNode; items: OrgNode[]; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [name, setName] = useState(node.name);
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(name.trim() !== node.name);
  const change = async (patch: OrgPatchBody) => {
    setBusy(true);
    try {
      await patchOrganisation(node.code, node.version, patch);
      void message.success(t('orgs.saved'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
      // Also after a refusal: a 409 means someone else changed it, and the page shows their version.
      onChanged();
    }
  };
  const parents = parentChoices(items, node.kind, node.code);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="org-editor">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'code', label: t('orgs.code'), children: node.code },
          { key: 'kind', label: t('orgs.kind'), children: t(`orgs.kind.${node.kind}`) },
          { key: 'parent', label: t('orgs.parent'), children: node.parentCode ?? '—' },
          { key: 'version', label: t('orgs.version'), children: node.version },
        ]}
      />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('orgs.name')}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          data-testid="org-name"
        />
        <Button
          loading={busy}
          disabled={name.trim() === '' || name.trim() === node.name}
          onClick={() => change({ name: name.trim() })}
          data-testid="org-rename"
        >
          {t('orgs.rename')}
        </Button>
      </Space.Compact>
      {node.kind !== 'bureau' && (
        <Space>
          <span>{t('orgs.move')}</span>
          <Select
            style={{ minWidth: 240 }}
            aria-label={t('orgs.move')}
            value={node.parentCode ?? undefined}
            disabled={busy}
            showSearch
            optionFilterProp="label"
            options={parents.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
            onChange={(parentCode: string) => change({ parentCode })}
            data-testid="org-move"
          />
        </Space>
      )}
      {node.kind !== 'unit' && (
        <Space wrap>
          <span>{t('orgs.type')}</span>
          <Select
            style={{ minWidth: 200 }}
            aria-label={t('orgs.type')}
            value={node.orgType ?? 'administrative'}
            disabled={busy}
            options={ORG_TYPES.map((type) => ({ value: type, label: t(`orgs.type.${type}`) }))}
            onChange={(orgType: OrgType) => change({ orgType })}
            data-testid="org-type"
          />
        </Space>
      )}
      {node.kind === 'unit' && (
        <Space wrap>
          <span>{t('orgs.own')}</span>
          <Switch
            aria-label={t('orgs.own')}
            checked={node.departmentOwn === true}
            disabled={busy}
            onChange={(departmentOwn) => change({ departmentOwn })}
            data-testid="org-own"
          />
          <Typography.Text type="secondary">{t('orgs.ownHint')}</Typography.Text>
        </Space>
      )}
      {node.active ? (
        <Popconfirm
          title={t('orgs.deactivateConfirm', { name: node.name })}
          onConfirm={() => change({ active: false })}
        >
          <Button danger loading={busy} data-testid="org-deactivate">
            {t('orgs.deactivate')}
          </Button>
        </Popconfirm>
      ) : (
        <Button loading={busy} onClick={() => change({ active: true })} data-testid="org-activate">
          {t('orgs.activate')}
        </Button>
      )}
    </Space>
  );
}
