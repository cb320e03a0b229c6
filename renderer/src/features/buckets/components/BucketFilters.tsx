import type { RefObject } from 'react';
import { messages as m, regionName } from '@renderer/i18n';

export interface BucketFilterValues {
  name: string;
  /** Empty for every region. */
  region: string;
}

interface BucketFiltersProps {
  value: BucketFilterValues;
  onChange: (value: BucketFilterValues) => void;
  /** Regions present in the list, sorted. */
  regions: readonly string[];
  nameInputRef: RefObject<HTMLInputElement | null>;
}

export function BucketFilters({ value, onChange, regions, nameInputRef }: BucketFiltersProps) {
  const options = value.region && !regions.includes(value.region) ? [...regions, value.region] : regions;
  return (
    <div className="filters">
      <label className="visually-hidden" htmlFor="bucket-name-filter">
        {m.list.filterByName}
      </label>
      <input
        id="bucket-name-filter"
        ref={nameInputRef}
        type="search"
        className="input filters__name"
        placeholder={m.list.filterPlaceholder}
        value={value.name}
        onChange={(event) => onChange({ ...value, name: event.target.value })}
        autoComplete="off"
        spellCheck={false}
      />
      <label className="visually-hidden" htmlFor="bucket-region-filter">
        {m.list.regionFilter}
      </label>
      <select
        id="bucket-region-filter"
        className="select filters__region"
        value={value.region}
        onChange={(event) => onChange({ ...value, region: event.target.value })}
      >
        <option value="">{m.list.allRegions}</option>
        {options.map((id) => (
          <option key={id} value={id}>
            {m.regions.label(id, regionName(id))}
          </option>
        ))}
      </select>
    </div>
  );
}
