{{ stg_actor_rows('statement_actors') }}
