import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { ErrorMessage } from './ErrorMessage';

describe('ErrorMessage', () => {
  it('shows nothing without an error', () => {
    const { container } = render(<ErrorMessage error={null} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows a refusal in the platform’s words', () => {
    render(<ErrorMessage error={new ApiError(403, { title: 'Forbidden', detail: 'Only an owner can give, change or take the owner role.' })} />);
    expect(screen.getByRole('alert').textContent).toContain('Not allowed: Only an owner can give, change or take the owner role.');
  });

  it('lists the refused fields', () => {
    render(<ErrorMessage error={new ApiError(400, { title: 'The request is invalid.', errors: { name: ['Enter a name.'], permissions: ['Unknown permission x:y.'] } })} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The request is invalid.');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['name: Enter a name.', 'permissions: Unknown permission x:y.']);
  });

  it('shows any other error’s message', () => {
    render(<ErrorMessage error={new Error('Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toBe('Failed to fetch');
  });
});
