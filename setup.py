"""Packages of the wheel and sdist (the rest of the metadata is in pyproject.toml).

``resources/`` and ``seeds/`` stay at the repository's top level, where the product's layout puts them,
and are mapped into the installed package as ``timeline_app/_bundle/...``; ``timeline_app.resources``
finds them there. pyproject.toml alone cannot combine package discovery with such a mapping.
"""
from setuptools import find_packages, setup

BUNDLED = {"timeline_app._bundle.resources": "resources", "timeline_app._bundle.seeds": "seeds"}

setup(
    packages=find_packages(include=["timeline_app", "timeline_app.*"]) + list(BUNDLED),
    package_dir=BUNDLED,
    package_data={name: ["**/*"] for name in BUNDLED},
    exclude_package_data={name: ["**/__pycache__/*", "**/*.pyc"] for name in BUNDLED},
)
