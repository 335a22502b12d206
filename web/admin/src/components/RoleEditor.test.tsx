import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RoleEditor } from './RoleEditor';

const available = ['products:read', 'products:write', 'inventory:read', 'staff:manage'];

describe('RoleEditor', () => {
  it('offers one checkbox per permission, none ticked for a new role', () => {
    render(<RoleEditor available={available} submitLabel="Create role" onSubmit={vi.fn()} />);
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(4);
    expect(boxes.every((box) => !(box as HTMLInputElement).checked)).toBe(true);
    expect(screen.getByRole('checkbox', { name: /See products/ })).toBeTruthy();
  });

  it('sends the name and the ticked permissions, in the platform’s order', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<RoleEditor available={available} submitLabel="Create role" onSubmit={onSubmit} />);
    await user.type(screen.getByLabelText('Role name'), '  Catalog editor ');
    await user.click(screen.getByRole('checkbox', { name: /Change products/ }));
    await user.click(screen.getByRole('checkbox', { name: /See products/ }));
    await user.click(screen.getByRole('button', { name: 'Create role' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Catalog editor', permissions: ['products:read', 'products:write'] });
  });

  it('starts from an existing role and lets permissions be taken away', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <RoleEditor
        available={available}
        initial={{ name: 'Stock keeper', permissions: ['inventory:read', 'products:read'] }}
        submitLabel="Save role"
        onSubmit={onSubmit}
      />,
    );
    expect((screen.getByLabelText('Role name') as HTMLInputElement).value).toBe('Stock keeper');
    const seeStock = screen.getByRole('checkbox', { name: /See stock/ }) as HTMLInputElement;
    expect(seeStock.checked).toBe(true);
    await user.click(seeStock);
    expect(seeStock.checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Save role' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Stock keeper', permissions: ['products:read'] });
  });

  it('offers Cancel only when asked to', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const { rerender } = render(<RoleEditor available={available} submitLabel="Create role" onSubmit={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    rerender(<RoleEditor available={available} submitLabel="Create role" onSubmit={vi.fn()} onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
