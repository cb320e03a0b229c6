import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { TABLE_VIEW_HEIGHT } from '../../../test-setup';
import { useRowWindow } from './use-row-window';

const ROW = 36;
const OFFSET = 30;

/** A box of TABLE_VIEW_HEIGHT px (test-setup gives .table-scroll that height) over `count` rows of 36 px. */
function Rows({ count }: { count: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { first, last } = useRowWindow({ scrollRef, count, rowHeight: ROW, offset: OFFSET, overscan: 4 });
  return (
    <div className="table-scroll" ref={scrollRef} data-testid="box">
      <output>{last < first ? 'none' : `${first}-${last}`}</output>
    </div>
  );
}

const shown = () => screen.getByRole('status').textContent;

function scrollTo(top: number) {
  const box = screen.getByTestId('box');
  box.scrollTop = top;
  act(() => {
    fireEvent.scroll(box);
  });
}

describe('the rows a scrolling box shows', () => {
  // The box is TABLE_VIEW_HEIGHT (600) px tall; OFFSET px of it sit above the first row.
  it('are those under the view, four more each side, whatever the position', () => {
    expect(TABLE_VIEW_HEIGHT).toBe(600);
    render(<Rows count={100_000} />);
    // Rows 0 to 15 are (partly) under the 570 px left below the header.
    expect(shown()).toBe('0-19');
    scrollTo(OFFSET + 50_000 * ROW);
    expect(shown()).toBe('49996-50020');
    scrollTo(OFFSET + 99_999 * ROW);
    expect(shown()).toBe('99995-99999');
  });

  it('follow the list as it arrives, grows or shrinks, from where the view last was', () => {
    const { rerender } = render(<Rows count={0} />);
    expect(shown()).toBe('none');
    // Scrolled before any row is there (a folder the user comes back to): nothing to draw yet.
    scrollTo(OFFSET + 500 * ROW);
    expect(shown()).toBe('none');
    rerender(<Rows count={2_000} />);
    expect(shown()).toBe('496-520');
    // A scroll within a row changes no row drawn; the place is kept for the next change of the list.
    scrollTo(OFFSET + 500 * ROW + 5);
    rerender(<Rows count={3_000} />);
    expect(shown()).toBe('496-520');
    // Fewer rows than the view's place (until the shorter box moves up): the last row is drawn.
    rerender(<Rows count={480} />);
    expect(shown()).toBe('479-479');
  });
});
