"""The wrong object programs in tests/errors (`cls_`, `dc_`, `opt_`,
`cont_`, `call_`, `irq_`) against mypy --strict.

tests/compiler/test_errors.py checks that pythos rejects each at the right
place.  This file checks the claim docs/language.md makes for the object
model, that the checker types programs as `mypy --strict` does: mypy must
reject every one of them on the line pythos reports, except those that
break a rule mypy does not have.  Those are listed below with the reason,
and mypy must accept them, so that the list stays exact.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from .test_corpus import ROOT, env

ERRORS = ROOT / "tests" / "errors"
PREFIXES = ("cls_", "dc_", "opt_", "cont_", "call_", "irq_")
CASES = sorted(p for p in ERRORS.glob("*.py") if p.name.startswith(PREFIXES))

# Rules of Pythos that mypy does not have (CPython fails at run time, or
# the construct is outside the compiled language).
PYTHOS_ONLY = {
    # A mutable default is shared by every call or instance.
    "call_mutable_default_dict": "mutable default",
    "call_mutable_default_instance": "mutable default",
    "call_mutable_default_list": "mutable default",
    "call_mutable_default_set": "mutable default",
    "dc_mutable_default": "mutable default (CPython raises ValueError)",
    "dc_default_not_constant": "a field's default that is not a constant",
    "dc_field_in_plain_class": "dataclasses.field() outside a dataclass",
    "dc_field_repr_false": "field(repr=...) and the other keywords but init=",
    "dc_field_init_false_no_default": "field(init=False) without a default (CPython: AttributeError on use)",
    # The layout of an object is fixed by its class body and __init__.
    "cls_assign_attribute_outside_init": "attribute declared outside __init__",
    "cls_assign_class_attribute": "a class attribute assigned through the class",
    "cls_class_attribute_not_literal": "a class attribute read whose default is no literal",
    "cls_two_bases": "single inheritance only",
    "cls_unsupported_special_method": "special method outside the supported set",
    "cls_unsupported_decorator": "class decorator other than @dataclass",
    "cls_del_method": "__del__",
    # NotImplemented is a marker only the operator's dispatch sees, and
    # every method CPython's dispatch may call must take what it is given.
    "cls_not_implemented_int_result": "NotImplemented where the result is not an instance",
    "cls_not_implemented_called_by_name": "a method that may return NotImplemented, by name",
    "cls_not_implemented_override_called_by_name": "an override may return NotImplemented",
    "cls_fallback_radd_rejects_left": "__radd__ reached after NotImplemented, wrong operand",
    "cls_radd_override_rejects_left": "__radd__ of a subclass, which goes first",
    # Hashing: CPython raises TypeError: unhashable type.
    "cls_unhashable_instance_key": "__eq__ without __hash__",
    "cont_set_of_lists": "unhashable element",
    "cont_frozenset_of_lists": "unhashable element",
    "cont_unhashable_list_key": "unhashable key",
    "dc_unhashable_in_set": "dataclass that is not frozen",
    "opt_unhashable_tuple_key": "__eq__ without __hash__, inside a tuple key",
    "opt_hash_of_unhashable": "hash() of a dataclass that is not frozen",
    "dc_subclass_not_dataclass": "a dataclass's subclass must be a dataclass",
    # Containers are homogeneous; tuples have fixed, known shapes.
    "cont_mixed_list_literal": "list items of different types",
    "cont_tuple_variable_slice": "tuple slice with variable bounds",
    "cont_var_tuple_unpack": "unpacking a tuple[T, ...] (its length is unknown)",
    "cont_var_tuple_concat_other_items": "tuple[T, ...] + a tuple of other items",
    "cont_var_tuple_of_ints_as_objects": "tuple[int, ...] where tuple[object, ...] is wanted",
    "cont_var_tuple_of_none": "tuple[None, ...] (a tuple of None has no items to keep)",
    "cls_add_forward_rejects_operand": "__add__ called before __radd__ (no NotImplemented)",
    "cls_add_two_parameters": "special method with the arity Python calls it with",
    "cont_iter_range_sized": "range() of sized bounds outside a for loop (plain ints)",
    "opt_none_without_annotation": "x = None without a declared type",
    # Type objects are not values: type() only as type(x).__name__.
    "cls_type_object": "type(x) as a value",
    "cont_type_name_iterator": "type(x).__name__ of an iterator (CPython's name is per kind)",
    "cont_isinstance_list_of_object": "isinstance(o, list) does not narrow an object (no list[Any])",
    "call_pow_modulus_sized": "pow() with a modulus of sized integers",
    "call_map_of_local_callable": "map() of a callable held in a variable (it could be rebound)",
    "call_star_args": "a *args function as a Callable value",
    "call_star_spread_fixed_parameter": "*xs of unknown length into a fixed parameter",
    "call_star_into_builtin": "*xs into a builtin other than print",
    "call_kwargs_spread_open_parameter": "**d that may give a parameter without default",
    "call_round_bool": "round() of a bool",
    "call_instance_as_iterable": "an instance of an iterable class where an Iterable is wanted",
    "cls_unannotated_list_attribute": "an unannotated class attribute that is not a literal",
    "dc_unannotated_attribute": "an unannotated dataclass attribute (a class variable there)",
    "cont_starred_mixed_tuple": "a starred name over tuple items of different types",
    # The interrupt rule.
    "irq_alloc_in_handler": "interrupt context",
    "irq_constructor_deep_path": "interrupt context",
    "irq_dict_store_in_handler": "interrupt context",
    "irq_fstring_in_handler": "interrupt context",
    "irq_global_object_in_handler": "interrupt context",
    "irq_list_literal_in_helper": "interrupt context",
    "irq_str_concat_in_handler": "interrupt context",
    "irq_str_method_in_helper": "interrupt context",
    "irq_str_encode_in_handler": "interrupt context",
    "irq_call_function_value": "interrupt context",
}
# mypy rejects these too, but on another line: it complains where the
# unusable value is used, pythos where it is made.
OTHER_LINE = {
    "call_lambda_without_context": "mypy: the call of the untyped lambda",
    "cls_len_returns_str": "mypy: the len() call, pythos: the __len__ definition",
    "cls_iadd_in_subclass_rejects_operand": "mypy: the __iadd__ definition, pythos: the +=",
}
HEADER = re.compile(r"# error: (\d+):(\d+): ")


def test_there_are_many_wrong_object_programs() -> None:
    assert len(CASES) >= 100


def test_mypy_rejects_them_where_it_has_the_rule() -> None:
    names = {p.stem for p in CASES}
    assert not set(PYTHOS_ONLY) - names and not set(OTHER_LINE) - names
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
                        "--cache-dir", os.devnull, *[str(p.relative_to(ROOT)) for p in CASES]],
                       cwd=ROOT, env=env(), capture_output=True, text=True, timeout=600)
    lines: dict[str, set[int]] = {}
    for out in r.stdout.splitlines():
        m = re.match(r"tests/errors/(\w+)\.py:(\d+): error: ", out)
        if m:
            lines.setdefault(m.group(1), set()).add(int(m.group(2)))
    problems = []
    for path in CASES:
        m = HEADER.match(path.read_text(encoding="utf-8"))
        assert m, path.name
        line = int(m.group(1))
        found = lines.get(path.stem, set())
        if path.stem in PYTHOS_ONLY:
            if found:
                problems.append(f"{path.name}: mypy rejects it now (lines {sorted(found)}); "
                                f"remove it from PYTHOS_ONLY")
        elif not found:
            problems.append(f"{path.name}: mypy --strict accepts it")
        elif line not in found and path.stem not in OTHER_LINE:
            problems.append(f"{path.name}: pythos reports line {line}, mypy {sorted(found)}")
    assert not problems, "\n".join(problems) + "\n" + r.stdout
