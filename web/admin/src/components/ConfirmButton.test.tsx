import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './ConfirmButton';

describe('ConfirmButton', () => {
  it('acts only after the question is answered yes', async () => {
    const onConfirm = vi.fn();
    render(<ConfirmButton label="Remove" accessibleName="Remove jo@example.com" question="Remove jo@example.com from the store?" onConfirm={onConfirm} />);

    await userEvent.click(screen.getByRole('button', { name: 'Remove jo@example.com' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: 'Remove jo@example.com from the store?' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Remove jo@example.com' })).toBeTruthy();
  });

  it('cancelling changes nothing', async () => {
    const onConfirm = vi.fn();
    render(<ConfirmButton label="Delete" accessibleName="Delete Catalog editor" question="Delete the role Catalog editor?" onConfirm={onConfirm} />);

    await userEvent.click(screen.getByRole('button', { name: 'Delete Catalog editor' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Delete Catalog editor' })).toBeTruthy();
  });
});
