import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Session } from '../api/types';
import { renderWithQueries } from '../test-support';
import { AppShell } from './AppShell';

const session = (permissions: string[]): Session => ({
  email: 'person@example.com',
  accountId: 'a1',
  merchantId: 'm1',
  merchantName: 'Acme Outfitters',
  role: 'Catalog editor',
  permissions,
  memberships: [{ merchantId: 'm1', merchantName: 'Acme Outfitters', role: { id: 'r1', name: 'Catalog editor', permissions, isBuiltIn: false } }],
});

function renderShell(permissions: string[]) {
  renderWithQueries(
    <MemoryRouter>
      <AppShell session={session(permissions)} />
    </MemoryRouter>,
  );
}

describe('AppShell', () => {
  it('names the merchant and the signed-in person, and offers Sign out', () => {
    renderShell([]);
    expect(screen.getByTestId('merchant-name').textContent).toBe('Acme Outfitters');
    expect(screen.getByTestId('signed-in-email').textContent).toBe('person@example.com');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('offers only the screens the role may use', () => {
    renderShell(['products:read', 'security:read']);
    expect(screen.queryByRole('link', { name: 'Staff' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Roles' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Security log' })).toBeTruthy();
  });

  it('offers staff and roles to those who manage staff', () => {
    renderShell(['staff:manage']);
    expect(screen.getByRole('link', { name: 'Staff' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Roles' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Security log' })).toBeNull();
  });

  it('offers the catalog screens to those who see products, and import only to those who change them', () => {
    renderShell(['products:read']);
    expect(screen.getByRole('link', { name: 'Products' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Categories' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Import and export' })).toBeNull();
  });

  it('hides the navigation entirely from a role without screens', () => {
    renderShell(['inventory:read']);
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });
});
