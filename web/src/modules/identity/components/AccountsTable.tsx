import { useT } from '../../../i18n/i18n-context.tsx';
import type { User } from '../api/identity.types.ts';

/** The accounts table; "Edit" opens the edit dialog of that row. */
export function AccountsTable({ users, onEdit }: { users: User[]; onEdit: (user: User) => void }) {
  const t = useT();
  if (!users.length) return <p className="muted">{t('accounts.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('accounts.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('login.username')}</th>
            <th scope="col">{t('accounts.fullName')}</th>
            <th scope="col">{t('accounts.email')}</th>
            <th scope="col">{t('accounts.roles')}</th>
            <th scope="col">{t('accounts.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.username}</td>
              <td>{user.fullName}</td>
              <td>{user.email ?? ''}</td>
              <td>
                {user.roles.map((r) => (
                  <div key={`${r.role}@${r.unitCode}`}>
                    {t(`role.${r.role}`)} — {r.unitName ?? r.unitCode}
                  </div>
                ))}
              </td>
              <td>
                <span className={user.disabled ? 'tag tag--grey' : 'tag tag--green'}>
                  {user.disabled ? t('accounts.disabled') : t('accounts.active')}
                </span>
              </td>
              <td>
                <button type="button" className="button button--link" onClick={() => onEdit(user)}>
                  {t('action.edit')}
                  <span className="visually-hidden"> {user.username}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
