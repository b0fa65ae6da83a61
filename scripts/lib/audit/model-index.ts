/**
 * An index over a model's objects built once per audit: rebuilt when the objects list is another or
 * has grown, so that a model a test or reader extends is never judged on a stale index.
 */
import type { OrgModel } from '../metadata/model';

export function objectIndex<T>(build: (objects: OrgModel['objects']) => T): (model: OrgModel) => T {
    const cache = new WeakMap<OrgModel['objects'], { count: number; index: T }>();
    return (model) => {
        let hit = cache.get(model.objects);
        if (hit?.count !== model.objects.length) {
            hit = { count: model.objects.length, index: build(model.objects) };
            cache.set(model.objects, hit);
        }
        return hit.index;
    };
}
