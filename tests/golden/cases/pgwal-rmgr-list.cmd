# the resource managers -r knows
pgwal -r list
