package dev.backstage4j.core.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An unmodifiable JSON array held as one exact-size array: one allocation less than an unmodifiable view of an
 * {@code ArrayList}, for the many short arrays of an entity (tags, links, relations). Nulls are allowed, as in
 * JSON; equality and hash code follow the {@link java.util.List} contract.
 */
final class FrozenList extends AbstractList<Object> implements RandomAccess {
  /** The empty array; unlike {@code List.of()} it answers {@code contains(null)} instead of throwing. */
  static final FrozenList EMPTY = new FrozenList(new Object[0]);

  private final Object[] items;

  /** {@return the first {@code size} items as a frozen list, taking {@code items} over when it is exactly full} */
  static FrozenList of(Object[] items, int size) {
    if (size == 0) {
      return EMPTY;
    }
    return new FrozenList(size == items.length ? items : Arrays.copyOf(items, size));
  }

  /** Takes over {@code items}: nobody may change it. */
  FrozenList(Object[] items) {
    this.items = items;
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  // Every mutator fails, even when it would change nothing (as Collections.unmodifiableList's do); add, set and
  // remove already do in AbstractList.
  @Override
  public void clear() {
    throw FrozenMap.unmodifiable();
  }

  @Override
  public boolean addAll(Collection<?> c) {
    throw FrozenMap.unmodifiable();
  }

  @Override
  public boolean addAll(int index, Collection<?> c) {
    throw FrozenMap.unmodifiable();
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw FrozenMap.unmodifiable();
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw FrozenMap.unmodifiable();
  }

  @Override
  public boolean removeIf(Predicate<? super Object> filter) {
    throw FrozenMap.unmodifiable();
  }

  @Override
  public void replaceAll(UnaryOperator<Object> operator) {
    throw FrozenMap.unmodifiable();
  }

  @Override
  public void sort(Comparator<? super Object> c) {
    throw FrozenMap.unmodifiable();
  }
}
